/ clocks read with or without colons, truncated to the type
"T"$"081530250"
/=> 08:15:30.250
"U"$"08:15:30"
/=> 08:15
