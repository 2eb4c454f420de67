/ text out of the type's range reads as null
"H"$"40000"
/=> 0Nh
