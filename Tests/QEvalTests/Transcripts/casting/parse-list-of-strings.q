/ reading a list of strings gives a vector
"I"$("1";"22";"x")
/=> 1 22 0Ni
