/ x^y replaces nulls of y and returns the higher of the two types
0^1 0N 3i
/=> 1 0 3
type 0^1 0N 3i
/=> 7h
1.5^1 0N
/=> 1 1.5
`x^`a``b
/=> `a`x`b
(`a`b!1 0N)^`b`c!0N 3
/=> a| 1
/=> b|
/=> c| 3
