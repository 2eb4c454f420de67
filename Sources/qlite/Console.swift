import QEval
import QSyntax
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Reads q lines from stdin, evaluates them and prints results as the q console does.
/// With a non-terminal stdin no prompt or banner is shown.
final class Console {
  let interpreter: Interpreter
  var pending = ""
  /// IPC and the timer; served while waiting for input and between lines.
  var events: EventLoop?

  init(interpreter: Interpreter) {
    self.interpreter = interpreter
  }

  func runScript(_ path: String) {
    do {
      try interpreter.loadScript(path)
    } catch let e as QError {
      FileOutput.write(2, "'" + e.message + "\n")
    } catch QControl.exit(let code) {
      leave(code)
    } catch {
      FileOutput.write(2, "'\(error)\n")
    }
  }

  func runCommand(_ command: String) {
    do {
      if let v = try interpreter.systemCommand(command) { show(v) }
    } catch let e as QError {
      FileOutput.write(2, "'" + e.message + "\n")
    } catch QControl.exit(let code) {
      leave(code)
    } catch {}
  }

  /// Evaluate one complete input and print its result or error. A user's `.z.pi`
  /// takes every line that is not a system command, as in q.
  func execute(_ text: String) {
    do {
      if !text.hasPrefix("\\"), let pi = interpreter.globals[".z.pi"] {
        do {
          _ = try interpreter.apply(pi, [.string(text + "\n")])
        } catch let e as QError {
          interpreter.writeErr("'" + e.message + "\n")
        }
        return
      }
      try interpreter.execute(text)
    } catch QControl.exit(let code) {
      leave(code)
    } catch {
      FileOutput.write(2, "'\(error)\n")
    }
  }

  /// Leave the process: `.z.exit` runs first with the exit code, as in q, and queued
  /// async messages go out (the event loop's exit hook).
  func leave(_ code: Int32) -> Never {
    if let handler = interpreter.globals[".z.exit"] {
      do {
        _ = try interpreter.apply(handler, [.i(code)])
      } catch let e as QError {
        FileOutput.write(2, "'" + e.message + "\n")
      } catch {}
    }
    exit(code)
  }

  func show(_ v: Value) {
    let text = Format.display(v)
    FileOutput.write(1, text.isEmpty ? "" : text + "\n")
  }

  /// The plain reader: line by line from stdin until end of input.
  func run(quiet: Bool) -> Int32 {
    var reader = LineReader(fd: 0)
    reader.beforeRead = events.map { e in { e.waitForStdin() } }
    while let line = reader.readLine() {
      events?.serviceReady()
      let text = pending.isEmpty ? line : pending + "\n" + line
      if Interpreter.isIncomplete(text) {
        pending = text
        continue
      }
      pending = ""
      if text.trimmingCharacters(in: " \t\r").isEmpty { continue }
      if text == "\\\\" { return 0 }
      execute(text)
    }
    if !pending.isEmpty { execute(pending) }
    events?.afterInputEnds()
    return 0
  }
}

/// Buffered line reading from a file descriptor.
struct LineReader {
  let fd: Int32
  var buffer: [UInt8] = []
  var start = 0
  var eof = false
  /// Called before each blocking read (the event loop waits for input there).
  var beforeRead: (() -> Void)?

  init(fd: Int32) { self.fd = fd }

  mutating func readLine() -> String? {
    while true {
      if let nl = buffer[start...].firstIndex(of: 10) {
        let line = String(decoding: buffer[start..<nl], as: UTF8.self)
        start = nl + 1
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
      }
      if eof {
        if start < buffer.count {
          let line = String(decoding: buffer[start...], as: UTF8.self)
          start = buffer.count
          return line
        }
        return nil
      }
      if start > 0 { buffer.removeFirst(start); start = 0 }
      var chunk = [UInt8](repeating: 0, count: 65536)
      beforeRead?()
      let n = Glibc.read(fd, &chunk, chunk.count)
      if n <= 0 { eof = true } else { buffer += chunk[0..<n] }
    }
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
