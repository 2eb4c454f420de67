/ a byte literal never joins the numbers beside it
{x} 0x0102
/=> 0x0102
count (1 2;0x0304)
/=> 2
