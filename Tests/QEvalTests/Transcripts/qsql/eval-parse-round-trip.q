/ evaluating a parsed query gives what the query gives
t:([]a:1 2 1;b:`x`y`z)
(select from t where a>1)~eval parse "select from t where a>1"
/=> 1b
(exec b by a from t)~eval parse "exec b by a from t"
/=> 1b
/ a one-item general list in a parse tree quotes its item
eval enlist (+;1;2)
/=> +
/=> 1
/=> 2
