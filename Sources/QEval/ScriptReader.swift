/// Splits script text into statements: a line that starts with whitespace continues
/// the one before; `/` alone opens a comment block that `\` alone closes; a `\` alone
/// outside a comment ends the script.
public enum ScriptReader {
  public static func statements(_ text: String) -> [String] {
    var out: [String] = []
    var inComment = false
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
      let stripped = line.trimmingSpaces
      if inComment {
        if stripped == "\\" { inComment = false }
        continue
      }
      if stripped == "/" && line.hasPrefix("/") { inComment = true; continue }
      if line.hasPrefix("/") { continue }
      if stripped == "\\" && line.hasPrefix("\\") { out.append("\\"); break }
      if stripped.isEmpty { continue }
      if let first = line.first, first == " " || first == "\t", !out.isEmpty {
        out[out.count - 1] += "\n" + line
      } else {
        out.append(line)
      }
    }
    return out
  }
}
