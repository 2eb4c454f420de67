/ booleans read true from 1, t, T, y or Y
"B"$("true";"no";"Yes";"0")
/=> 1010b
