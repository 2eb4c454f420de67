/ brackets holding only atom columns make a dictionary
([a:1;b:`x])
/=> a| 1
/=> b| `x
