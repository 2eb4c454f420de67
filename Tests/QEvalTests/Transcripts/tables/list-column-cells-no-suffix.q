/ vectors inside a column show without their type suffix; one item gets a comma
([]a:(1 2i;enlist 3i);b:("xy";enlist "z"))
/=> a   b
/=> --------
/=> 1 2 "xy"
/=> ,3  ,"z"
