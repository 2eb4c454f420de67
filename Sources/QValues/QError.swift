/// The one error q code can see: `'text`. Every q signal is built here, so its
/// exact wording lives in one place.
public struct QError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { "'" + message }

  public static let type = QError("type")
  public static let length = QError("length")
  public static let rank = QError("rank")
  public static let domain = QError("domain")
  public static let index = QError("index")
  public static let nyi = QError("nyi")
  public static let mismatch = QError("mismatch")
  public static let limit = QError("limit")
  public static let stop = QError("stop")
  public static let wsfull = QError("wsfull")
  public static let os = QError("os")
  public static let parse = QError("parse")
  public static let value = QError("value")
  public static let conn = QError("conn")
  public static let assign = QError("assign")
  public static let step = QError("step")
  public static let from = QError("from")
  public static let cast = QError("cast")
  public static let unique = QError("u-fail")
  public static let sorted = QError("s-fail")
  public static func name(_ n: String) -> QError { QError(n) }
  public static func os(_ text: String) -> QError { QError(text) }
}

/// Control flow that unwinds through the evaluator but is not an error.
public enum QControl: Error {
  case exit(Int32)
}
