/ string gives nulls no text, as csv output does
string 1 0N
/=> ,"1"
/=> ""
string 0Nd
/=> ""
