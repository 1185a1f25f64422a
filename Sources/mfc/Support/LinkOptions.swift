import ArgumentParser
import IncidentModel

/// How the commands that build incidents link police reports to children: the probabilistic
/// model (the default, with its bands) or the deterministic rules.
struct LinkOptions: ParsableArguments {
    /// The person linkers a command can use.
    enum Linker: String, CaseIterable, ExpressibleByArgument {
        /// The Fellegi-Sunter model (``ProbabilisticPersonLinker``).
        case model
        /// The first, deterministic rules (``DeterministicPersonLinker``).
        case rules
    }

    @Option(help: "How police reports are linked to children: model (the probabilistic model) or rules (the deterministic rules).")
    var linker: Linker = .model

    @OptionGroup(title: "The model's bands") var bands: ModelOptions

    func validate() throws {
        if linker == .rules, bands.isGiven {
            throw ValidationError(
                "--link-weight, --review-weight and --margin set the model's bands; the rules have none "
                    + "(with --linker rules the dashboard's Review tab runs the model with its default bands)")
        }
    }

    /// The model with the bands given (the Review tab runs it whichever linker builds the incidents).
    var model: ProbabilisticPersonLinker { bands.linker }

    /// The incident linker these options choose.
    var incidentLinker: IncidentLinker {
        switch linker {
        case .model: IncidentLinker(personLinker: model)
        case .rules: IncidentLinker(personLinker: DeterministicPersonLinker())
        }
    }
}
