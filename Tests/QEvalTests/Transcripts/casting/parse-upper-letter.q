/ an upper-case type letter reads text as that type
"J"$"123"
/=> 123
"F"$"1.5"
/=> 1.5
"S"$"sym"
/=> `sym
