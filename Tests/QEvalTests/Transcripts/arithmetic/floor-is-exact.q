/ since V3.0 floor and ceiling use no comparison tolerance
floor 3-1e-14
/=> 2
ceiling 3+1e-14
/=> 4
ceiling 01b
/=> 0 1i
