/ strings show control and non-ASCII bytes as octal escapes
"a\tb\001"
/=> "a\tb\001"
"\303\251"
/=> "\303\251"
