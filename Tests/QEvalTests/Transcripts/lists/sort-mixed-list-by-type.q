/ a mixed list sorts by type number first, then by value
asc (2;1b;"a";1)
/=> 1b
/=> 1
/=> 2
/=> "a"
