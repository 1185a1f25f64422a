import ArgumentParser

/// The layouts `mfc import` and `mfc validate` read (`--format`).
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
    /// mfc's own CSV files (SampleData/README.md).
    case native
    /// Ofsted's list of children's social care providers: its children's homes fill the homes register.
    case ofstedHomes = "ofsted-homes"
    /// A police force's own extract, read through a mapping file (`--mapping`).
    case police
}
