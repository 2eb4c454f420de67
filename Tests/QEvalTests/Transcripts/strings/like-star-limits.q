/ like allows stars at both ends or one inside; more stars are not supported
"the cat" like "*he*"
/=> 1b
"the cat" like "*he*a*"
/=> 'nyi
