/ like matches a whole text: ? is one char, * any run of chars
"kdb" like "k?b"
/=> 1b
"kdbplus" like "kdb*"
/=> 1b
"kdb" like "k*x"
/=> 0b
