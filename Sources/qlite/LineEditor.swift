import CLibEdit
import QEval
import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// Interactive line editing on libedit: prompt, emacs keys (or `~/.editrc`), persistent
/// history, tab completion, and a gate that lets asynchronous output print above the
/// line being typed. libedit reads keys through `readKey`, which waits in the event
/// loop, so IPC messages and timers run while the user types.
final class LineEditor {
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  let historyPath: String
  /// The prompt text, asked for on every redraw (so `\d` changes show at once).
  var prompt: () -> String = { "q)" }
  /// Names that complete a prefix (keywords, globals, namespaces, commands, files).
  var completer: (String) -> [String] = { _ in [] }
  /// Waits until standard input is readable, running other events meanwhile.
  /// Returns false when the wait was interrupted and the line should be dropped.
  var waitForInput: () -> Bool = { LineEditor.pollStandardInput() }

  /// True while libedit is waiting for a key: output now must go above the prompt.
  private(set) var isEditing = false
  private var erased = false
  private var promptBuffer: [CChar] = []
  private var pendingBytes: [UInt8] = []

  nonisolated(unsafe) static var active: LineEditor?

  init?(programName: String = "qlite", historyFile: String) {
    // libedit decodes and draws multibyte characters only in a UTF-8 locale.
    if let l = setlocale(LC_CTYPE, ""), String(cString: l).uppercased().contains("UTF") {
    } else {
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    guard let el = el_init(programName, qlite_stdin(), qlite_stdout(), qlite_stderr()), let h = history_init() else { return nil }
    editLine = el
    history = h
    historyPath = historyFile
    LineEditor.active = self
    qlite_history_size(h, 2000)
    qlite_history_unique(h, 1)
    qlite_history_load(h, historyFile)
    qlite_el_history(el, h)
    qlite_el_editor(el, "emacs")
    qlite_el_signal(el, 0)  // qlite owns SIGINT and SIGWINCH
    qlite_el_prompt(el) { _ in LineEditor.active?.promptPointer() }
    qlite_el_getcfn(el) { _, out in LineEditor.active?.readKey(out) ?? 0 }
    qlite_el_addfn(el, "qlite-complete", "complete a q name") { el, _ in
      LineEditor.active?.complete() ?? UInt8(CC_ERROR)
    }
    qlite_el_bind(el, "^I", "qlite-complete")
    el_source(el, nil)  // ~/.editrc: vi mode, bindings
  }

  deinit {
    history_end(history)
    el_end(editLine)
  }

  private func promptPointer() -> UnsafeMutablePointer<CChar>? {
    promptBuffer = Array(prompt().utf8CString)
    return promptBuffer.withUnsafeMutableBufferPointer { $0.baseAddress }
  }

  /// Read one line; nil at end of input (Ctrl-D on an empty line).
  func readLine() -> String? {
    var count: Int32 = 0
    isEditing = true
    erased = false
    defer { isEditing = false }
    guard let raw = el_gets(editLine, &count) else { return nil }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    if !line.trimmingCharacters(in: " \t").isEmpty {
      qlite_history_enter(history, line)
      qlite_history_save(history, historyPath)  // at once, so history survives a crash
    }
    return line
  }

  // MARK: keys

  /// libedit's read function: wait in the event loop, then decode one UTF-8 character.
  private func readKey(_ out: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    while true {
      if erased { finishAsyncOutput() }
      if !waitForInput() {
        if erased { finishAsyncOutput() }
        clearLine()
        continue
      }
      if erased { finishAsyncOutput() }
      var byte: UInt8 = 0
      let n = Glibc.read(0, &byte, 1)
      if n == 0 { return 0 }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return -1
      }
      pendingBytes.append(byte)
      if let scalar = decodePending() {
        out?.pointee = wchar_t(scalar)
        return 1
      }
    }
  }

  /// Decode the pending bytes once they form a whole UTF-8 character; drop invalid ones.
  private func decodePending() -> UInt32? {
    let lead = pendingBytes[0]
    let need = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
    if need == 0 { pendingBytes.removeAll(); return nil }
    guard pendingBytes.count >= need else { return nil }
    defer { pendingBytes.removeAll() }
    guard let s = String(validating: pendingBytes, as: UTF8.self), let u = s.unicodeScalars.first else { return nil }
    return u.value
  }

  /// Ctrl-C at the prompt: drop the typed text and redraw an empty line.
  private func clearLine() {
    guard let info = el_line(editLine) else { return }
    let length = info.pointee.lastchar - info.pointee.buffer
    let mutable = UnsafeMutablePointer(mutating: info)
    mutable.pointee.cursor = info.pointee.lastchar
    el_deletestr(editLine, Int32(length))
    FileOutput.write(1, "\n")
    qlite_el_refresh(editLine)
  }

  // MARK: output above the prompt

  /// Called before anything is written while the user may be typing: erase the prompt
  /// and the typed text (all rows it wraps onto) so the output takes their place.
  func prepareForOutput() {
    guard isEditing, !erased else { return }
    erased = true
    qlite_flush_stdout()
    let columns = max(Int(qlite_el_columns(editLine)), 1)
    var width = displayWidth(prompt())
    if let info = el_wline(editLine) {
      var p = info.pointee.buffer
      while let q = p, q < info.pointee.cursor {
        width += max(Int(qlite_wcwidth(q.pointee)), 0)
        p = q + 1
      }
    }
    let row = width / columns
    FileOutput.write(1, (row > 0 ? "\u{1b}[\(row)A" : "") + "\r\u{1b}[J")
  }

  /// After output: make sure it ended a line, then have libedit redraw prompt, text and cursor.
  private func finishAsyncOutput() {
    erased = false
    qlite_flush_stdout()
    qlite_el_refresh(editLine)
  }

  /// Redraw the prompt and typed text if output erased them: the event loop calls this
  /// after each round of events, while the user is still typing.
  func redrawAfterOutput() {
    if erased { finishAsyncOutput() }
  }

  /// Output ended without a newline: add one before the redraw.
  func noteOutput(_ text: String) {
    if isEditing && erased && !text.hasSuffix("\n") { FileOutput.write(1, "\n") }
  }

  private func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + max(Int(qlite_wcwidth(wchar_t($1.value))), 0) }
  }

  // MARK: completion

  private func complete() -> UInt8 {
    guard let info = el_line(editLine) else { return UInt8(CC_ERROR) }
    let start = info.pointee.buffer!
    let cursor = info.pointee.cursor!
    let before = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start).bindMemory(to: UInt8.self), as: UTF8.self)
    let word = LineEditor.wordBeforeCursor(before)
    let candidates = (before.hasPrefix("\\l ") ? LineEditor.files(matching: word) : completer(word)).sorted()
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    let common = LineEditor.commonPrefix(candidates)
    if common.count > word.count {
      el_insertstr(editLine, String(common.dropFirst(word.count)))
    }
    if candidates.count > 1 && common.count == word.count {
      FileOutput.write(1, "\n" + candidates.joined(separator: "  ") + "\n")
      return UInt8(CC_REDISPLAY)
    }
    return UInt8(CC_REFRESH)
  }

  /// The text being completed: a q name (with dots), a `\` command, or a path after `\l `.
  static func wordBeforeCursor(_ text: String) -> String {
    if text.hasPrefix("\\l ") { return String(text.dropFirst(3)) }
    var chars: [Character] = []
    for c in text.reversed() {
      if c.isLetter || c.isNumber || c == "_" || c == "." { chars.append(c) } else {
        if c == "\\" && chars.count == text.count - 1 { chars.append(c) }
        break
      }
    }
    return String(chars.reversed())
  }

  /// Paths that complete a partial file name (for `\l`); directories end in `/`.
  static func files(matching partial: String) -> [String] {
    let slash = partial.lastIndex(of: "/")
    let dir = slash.map { String(partial[...$0]) } ?? ""
    let stem = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    guard let d = opendir(dir.isEmpty ? "." : dir) else { return [] }
    defer { closedir(d) }
    var out: [String] = []
    while let entry = readdir(d) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard name.hasPrefix(stem), name != ".", name != ".." else { continue }
      if stem.isEmpty && name.hasPrefix(".") { continue }
      out.append(dir + name + (entry.pointee.d_type == UInt8(DT_DIR) ? "/" : ""))
    }
    return out
  }

  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for w in words.dropFirst() {
      while !w.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }

  /// The default wait: block in poll on standard input alone.
  static func pollStandardInput() -> Bool {
    var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    while true {
      let r = poll(&fds, 1, -1)
      if r >= 0 { return true }
      if errno != EINTR { return true }
      if Interpreter.interruptRequested {
        Interpreter.interruptRequested = false
        return false
      }
      if Console.terminalResized { Console.followTerminalSize() }
    }
  }
}
