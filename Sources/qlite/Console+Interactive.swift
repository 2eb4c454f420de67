import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive console, used when stdin and stdout are both terminals.
extension Console {
  static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

  func runInteractive(quiet: Bool) -> Int32 {
    let home = String(cString: getenv("HOME") ?? strdup("."))
    guard let editor = LineEditor(historyFile: home + "/.qlite_history") else { return run(quiet: quiet) }
    if !quiet { FileOutput.write(1, Console.banner + "\n\n") }
    Console.installSignalHandlers()
    Console.followTerminalSize()
    editor.prompt = { [unowned interpreter] in
      interpreter.context.isEmpty ? "q)" : "q\(interpreter.context))"
    }
    if let events {
      editor.waitForInput = { [unowned editor] in events.waitForTerminal(afterEvents: editor.redrawAfterOutput) }
    }
    editor.completer = { [unowned interpreter] in interpreter.completions(for: $0) }
    interpreter.writeOut = { s in
      editor.prepareForOutput()
      FileOutput.write(1, s)
      editor.noteOutput(s)
    }
    interpreter.writeErr = { s in
      editor.prepareForOutput()
      FileOutput.write(2, s)
      editor.noteOutput(s)
    }
    while let line = editor.readLine() {
      if Console.terminalResized { Console.followTerminalSize() }
      if line == "\\\\" { return 0 }
      if line.trimmingCharacters(in: " \t").isEmpty { continue }
      Interpreter.interruptRequested = false
      execute(line)
    }
    FileOutput.write(1, "\n")
    return 0
  }

  static var banner: String {
    var u = utsname()
    uname(&u)
    let machine = withUnsafeBytes(of: &u.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return "\(version) Linux \(machine) \(cores) cores. Type \\\\ to quit."
  }

  nonisolated(unsafe) static var terminalResized = false

  static func installSignalHandlers() {
    signal(SIGINT) { _ in Interpreter.interruptRequested = true }
    signal(SIGWINCH) { _ in Console.terminalResized = true }
  }

  /// `\c` follows the terminal: rows and columns from the window size.
  static func followTerminalSize() {
    terminalResized = false
    var ws = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
      DisplaySettings.columns = max(Int(ws.ws_col), 10)
      DisplaySettings.rows = max(Int(ws.ws_row), 10)
    }
  }
}
