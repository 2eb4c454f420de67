import QValues
import Testing

@testable import QSyntax

@Suite struct ParserTests {
  @Test(arguments: [
    // right to left, no precedence
    ("2*3+4", "(* 2 (+ 3 4))"),
    ("(2*3)+4", "(+ (group (* 2 3)) 4)"),
    ("-x", "(- x)"),
    ("x-1", "(- x 1)"),
    ("x -1", "(x -1)"),
    ("f x", "(f x)"),
    ("f g x", "(f (g x))"),
    ("count til 5", "(count (til 5))"),
    ("a mod b", "(mod a b)"),
    ("1 2 3", "1 2 3"),
    // bracket application and projections
    ("f[1;2]", "(f 1 2)"),
    ("f[1;]", "(f 1 _)"),
    ("f[;2]", "(f _ 2)"),
    ("f[]", "(f ::)"),
    ("+[1]", "(+ 1)"),
    ("x[0][1]", "((x 0) 1)"),
    // adverbs
    ("+/x", "((/ +) x)"),
    ("x+/y", "((/ +) x y)"),
    ("f each x", "(each f x)"),
    ("f'[x;y]", "((' f) x y)"),
    ("x,/:y", "((/: ,) x y)"),
    // lists
    ("(1;`a)", "(list 1 `a)"),
    ("()", "()"),
    ("(1;;3)", "(enlist 1 _ 3)"),
    // assignment forms
    ("a:1", "(: a 1)"),
    ("a::1", "(:: a 1)"),
    ("a+:1", "(:+ a 1)"),
    ("a[1]:2", "(: a[1] 2)"),
    ("a[1;2]:3", "(: a[1;2] 3)"),
    ("a,:4", "(:, a 4)"),
    ("a:b:3", "(: a (: b 3))"),
    // control
    ("$[c;1;2]", "($ c 1 2)"),
    ("if[c;a;b]", "(if c a b)"),
    ("'`e", "(signal `e)"),
    ("a;b", "a; b"),
  ])
  func shapes(source: String, tree: String) throws {
    let parsed = try Sexpr.parse(source)
    #expect(parsed == tree)
  }

  @Test func lambdaWithNamedParameters() throws {
    let s = try Sexpr.parse("{[a;b] a+b}")
    #expect(s == "{[a;b] {[a;b] a+b}}")
  }

  @Test(arguments: [
    ("{x+1}", ["x"]), ("{x+y}", ["x", "y"]), ("{z}", ["x", "y", "z"]), ("{y}", ["x", "y"]),
    ("{1}", ["x"]), ("{[] 1}", []), ("{[p] p}", ["p"]),
  ])
  func implicitParameters(source: String, params: [String]) throws {
    guard case .lambda(let l) = try Parser.parse(source).statements[0] else {
      Issue.record("not a lambda")
      return
    }
    #expect(l.params == params)
  }

  @Test func lambdaLocals() throws {
    guard case .lambda(let l) = try Parser.parse("{a:x; b::1; a+b}").statements[0] else {
      Issue.record("not a lambda")
      return
    }
    #expect(l.locals.contains("a"))
  }

  @Test func trailingSemicolonIsSilent() throws {
    #expect(try Parser.parse("a:1;").silent)
    #expect(try !Parser.parse("a:1").silent)
  }

  // Unnamed columns (`_`) are named by the evaluator, which knows the column scope.
  @Test(arguments: [
    ("select from t", "(select [] from t)"),
    ("select a,b from t where a>1", "(select [_:a,_:b] from t where [(> a 1)])"),
    ("select s:sum a by g from t", "(select [s:(sum a)] by [_:g] from t)"),
    ("select from t where a>1, b<2", "(select [] from t where [(> a 1),(< b 2)])"),
    ("exec a from t", "(exec [_:a] from t)"),
    ("update b:a*2 from t", "(update [b:(* a 2)] from t)"),
    ("delete a from t", "(delete [] cols a from t)"),
    ("delete from t where a=1", "(delete [] from t where [(= a 1)])"),
    ("select[2] from t", "(select[2] [] from t)"),
  ])
  func qsqlShapes(source: String, tree: String) throws {
    let parsed = try Sexpr.parse(source)
    #expect(parsed == tree)
  }

  @Test func tableLiteral() throws {
    #expect(try Sexpr.parse("([]a:1 2;b:3 4)") == "(table [] [a:1 2,b:3 4])")
    #expect(try Sexpr.parse("([k:1 2]v:3 4)") == "(table [k:1 2] [v:3 4])")
  }

  @Test(arguments: ["(1;2", "f[1", "{x", ")", "1+)", "]"])
  func unbalancedInputIsAnError(source: String) {
    #expect(throws: QError.self) { try Parser.parse(source) }
  }
}
