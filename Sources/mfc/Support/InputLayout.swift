import ArgumentParser

/// The layouts of extracts that `mfc import`, `mfc validate` and `mfc evaluate` read
/// (`--layout`).
enum InputLayout: String, CaseIterable, ExpressibleByArgument {
    /// mfc's own files (SampleData/README.md).
    case native
    /// A local authority's SSDA903 return to the DfE: its Header, Episodes and Missing tables.
    case ssda903
    /// Ofsted's list of children's social care providers: its children's homes fill the homes register.
    case ofstedHomes = "ofsted-homes"
    /// A police force's own extract, read through a mapping file (`--mapping`).
    case police

    /// Whether the layout needs `--authority` (the 903 does not name its authority).
    var needsAuthority: Bool { self == .ssda903 }

    /// Whether the layout reads one file (an extract) rather than folders and files.
    var readsOneFile: Bool { self == .ofstedHomes || self == .police }
}
