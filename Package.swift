// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top: values -> syntax -> eval -> IPC -> console.
// Each target imports only the ones below it.
let optimise: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release))]

let package = Package(
  name: "qlite",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "qlite", targets: ["qlite"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .target(name: "QValues", swiftSettings: optimise),
    .target(name: "QSyntax", dependencies: ["QValues"], swiftSettings: optimise),
    .target(name: "QEval", dependencies: ["QValues", "QSyntax"], swiftSettings: optimise),
    .target(name: "QIPC", dependencies: ["QValues", "QSyntax", "QEval"], swiftSettings: optimise),
    .systemLibrary(
      name: "CLibEdit", path: "Sources/CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .executableTarget(
      name: "qlite",
      dependencies: [
        "QEval", "QIPC", "CLibEdit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: optimise),
    .testTarget(name: "QValuesTests", dependencies: ["QValues"]),
    .testTarget(name: "QSyntaxTests", dependencies: ["QSyntax"]),
    .testTarget(name: "QEvalTests", dependencies: ["QEval", "QIPC"], exclude: ["Transcripts"]),
    // Runs the built qlite binary as a user would; `swift test` builds it first.
    .testTarget(name: "qliteTests"),
    .testTarget(name: "QIPCTests", dependencies: ["QIPC", "QEval", "QValues"], exclude: ["Data"]),
  ]
)
