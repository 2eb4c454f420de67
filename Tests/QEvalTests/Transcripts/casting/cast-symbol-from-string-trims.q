/ `$ makes symbols from strings, dropping surrounding blanks
`$"  abc "
/=> `abc
`$("x";"yz")
/=> `x`yz
