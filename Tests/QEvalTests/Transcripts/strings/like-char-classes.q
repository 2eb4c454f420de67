/ [..] lists chars or ranges, [^..] excludes them; a leading ] is a member
"cat" like "[bc]at"
/=> 1b
"hat" like "[^bc]at"
/=> 1b
"x7" like "x[0-9]"
/=> 1b
"a]" like "a[]]"
/=> 1b
