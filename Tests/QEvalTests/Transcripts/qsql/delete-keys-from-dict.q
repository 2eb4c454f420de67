/ delete removes keys from a dictionary; by name it changes the global
d:`a`b`c!1 2 3
delete b from `d
/=> `d
d
/=> a| 1
/=> c| 3
