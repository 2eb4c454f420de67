/ nulls in a dictionary's values show blank
`a`b`c!1 0N 3
/=> a| 1
/=> b|
/=> c| 3
