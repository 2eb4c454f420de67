/ an elided first index amends every entry of a dictionary
d:`a`b!(1 2;3 4)
d[;0]:0
d
/=> a| 0 2
/=> b| 0 4
