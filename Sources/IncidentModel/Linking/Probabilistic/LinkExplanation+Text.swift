extension LinkExplanation {
    /// A weight with its sign and one decimal, as explanations print it: `+5.2`, `-3.0`.
    public static func signed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : "+"
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
