/ (types;delimiter) 0: lines parses columns; a blank type skips a field
r:("JS";"|") 0: ("1|a";"22|bc")
r 0
/=> 1 22
r 1
/=> `a`bc
count ("J S";",") 0: ("1,x,a";"2,y,b")
/=> 2
