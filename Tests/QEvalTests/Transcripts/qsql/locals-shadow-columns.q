/ inside a lambda, a local of the same name as a column wins
t:([]a:1 2 3)
{[a] select from t where a=a}[2]
/=> a
/=> -
/=> 1
/=> 2
/=> 3
{[x] select from t where a>x}[1]
/=> a
/=> -
/=> 2
/=> 3
