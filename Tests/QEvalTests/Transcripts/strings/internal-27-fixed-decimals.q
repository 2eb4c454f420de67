/ -27!(n;x) writes floats with n decimals
-27!(2i;1.5 10)
/=> "1.50"
/=> "10.00"
