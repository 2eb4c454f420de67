1 sublist `a`b`c!1 2 3
/=> a| 1
-1 sublist "abc"
/=> ,"c"
1 5 sublist 1 2 3
/=> 2 3
