import QValues

#if canImport(Glibc)
  import Glibc
#endif

/// The `.z` namespace: clocks, host and process facts. Clock values are computed when
/// read, so `.z.p` is always now.
extension Interpreter {
  func installDotZ() {
    globals[".z.K"] = .float(4.0, .float)
    globals[".z.k"] = .int(Int32(Temporal.days(year: 2026, month: 11, day: 1)), .date)
    globals[".z.o"] = .symbol("l64")
    globals[".z.i"] = .i(Int32(getpid()))
    var host = [CChar](repeating: 0, count: 256)
    gethostname(&host, 255)
    globals[".z.h"] = .symbol(String(cString: host))
    globals[".z.u"] = .symbol(String(cString: getenv("USER") ?? getenv("LOGNAME") ?? strdup("")))
    globals[".z.c"] = .i(Int32(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// Values of `.z` names that change every time they are read.
  func dynamicDotZ(_ name: String) -> Value? {
    let now = Clock.nanosSinceEpoch()
    let utc = Temporal.timestamp(unixNanos: now)
    var local = utc
    var t = time_t(now / 1_000_000_000)
    var tmv = tm()
    localtime_r(&t, &tmv)
    local += Int64(tmv.tm_gmtoff) * 1_000_000_000
    switch name {
    case ".z.p": return .long(utc, .timestamp)
    case ".z.P": return .long(local, .timestamp)
    case ".z.n": return .long(utc % Temporal.nanosPerDay, .timespan)
    case ".z.N": return .long(local % Temporal.nanosPerDay, .timespan)
    case ".z.d": return .int(Int32(utc / Temporal.nanosPerDay), .date)
    case ".z.D": return .int(Int32(local / Temporal.nanosPerDay), .date)
    case ".z.t": return .int(Int32(utc % Temporal.nanosPerDay / 1_000_000), .time)
    case ".z.T": return .int(Int32(local % Temporal.nanosPerDay / 1_000_000), .time)
    case ".z.z": return .float(Double(utc) / Double(Temporal.nanosPerDay), .datetime)
    case ".z.Z": return .float(Double(local) / Double(Temporal.nanosPerDay), .datetime)
    case ".z.x": return .list(commandLineArgs.map { .string($0) })
    case ".z.f": return .symbol(scriptFile)
    // The running lambda, for anonymous recursion.
    case ".z.s": return frames.last.map { .function(.lambda($0.lambda)) }
    default: return nil
    }
  }
}
