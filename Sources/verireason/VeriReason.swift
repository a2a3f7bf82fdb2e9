import ArgumentParser

@main
struct VeriReason: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verireason",
        abstract: "Teach a language model to write correct Verilog: sandboxed simulation, unforgeable rewards, evaluation.",
        version: "0.1.0",
        subcommands: [
            Score.self, Serve.self, Eval.self, SampleCommand.self, SFT.self, Train.self, Export.self, Model.self,
            DatasetsCommand.self,
            Tools.self,
        ]
    )
}
