/ "T=;" 0: text splits key=value pairs, keys read as type T
"S=;" 0: "a=1;b=xy"
/=> a    b
/=> ,"1" "xy"
