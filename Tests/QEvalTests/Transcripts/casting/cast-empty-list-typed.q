/ casting an empty list gives an empty vector of the type
`int$()
/=> `int$()
`$()
/=> `symbol$()
