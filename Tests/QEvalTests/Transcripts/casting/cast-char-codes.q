/ chars cast to their codes and back
"i"$"AZ"
/=> 65 90i
"c"$104 105
/=> "hi"
