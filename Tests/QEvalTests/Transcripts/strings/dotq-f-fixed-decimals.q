/ .Q.f formats with a fixed number of decimals, .Q.fmt also right-aligns in a width
.Q.f[2;3.14159]
/=> "3.14"
.Q.f[1;99.96]
/=> "100.0"
.Q.fmt[6;1;2.25]
/=> "   2.3"
