import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

let version = "qlite 0.1"

let options: Options
do {
  options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  Options.exit(withError: error)
}
if options.version {
  print(version)
  exit(0)
}

let interpreter = Interpreter()
interpreter.commandLineArgs = options.scriptArgs
if options.console.count == 2 {
  DisplaySettings.rows = options.console[0]
  DisplaySettings.columns = options.console[1]
}
if let p = options.precision { DisplaySettings.precision = p }
let console = Console(interpreter: interpreter)

if let script = options.script {
  interpreter.scriptFile = script
  console.runScript(script)
}
if let p = options.port { console.runCommand("p \(p)") }
if let t = options.timer { interpreter.timerPeriod = t }
exit(console.run(quiet: options.quiet))
