import QValues

#if canImport(Glibc)
  import Glibc
#endif

extension Arithmetic {
  static let definitions: [PrimitiveDef] = [
    PrimitiveDef("neg", monad: { _, x in try neg(x) }),
    PrimitiveDef("abs", monad: { _, x in try abs(x) }),
    PrimitiveDef("sqrt", monad: { _, x in try floatMonad(x) { $0 < 0 ? .nan : Glibc.sqrt($0) } }),
    PrimitiveDef("exp", monad: { _, x in try floatMonad(x) { Glibc.exp($0) } }),
    PrimitiveDef("log", monad: { _, x in try floatMonad(x) { $0 < 0 ? .nan : Glibc.log($0) } }),
    PrimitiveDef("sin", monad: { _, x in try floatMonad(x) { Glibc.sin($0) } }),
    PrimitiveDef("cos", monad: { _, x in try floatMonad(x) { Glibc.cos($0) } }),
    PrimitiveDef("tan", monad: { _, x in try floatMonad(x) { Glibc.tan($0) } }),
    PrimitiveDef("asin", monad: { _, x in try floatMonad(x) { Glibc.asin($0) } }),
    PrimitiveDef("acos", monad: { _, x in try floatMonad(x) { Glibc.acos($0) } }),
    PrimitiveDef("atan", monad: { _, x in try floatMonad(x) { Glibc.atan($0) } }),
    PrimitiveDef("floor", monad: { _, x in try floor(x) }),
    PrimitiveDef("ceiling", monad: { _, x in try ceiling(x) }),
    PrimitiveDef("reciprocal", monad: { _, x in try floatMonad(x) { 1 / $0 } }),
    PrimitiveDef("signum", monad: { _, x in try signum(x) }),
    PrimitiveDef("mod", dyad: { _, x, y in try mod(x, y) }),
    PrimitiveDef("div", dyad: { _, x, y in try div(x, y) }),
    PrimitiveDef("xexp", dyad: { _, x, y in try xexp(x, y) }),
    PrimitiveDef("xlog", dyad: { _, x, y in try xlog(x, y) }),
  ] + Matrix.definitions
}
