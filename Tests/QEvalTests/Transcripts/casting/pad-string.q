/ a long on the left pads or truncates strings, from the right when negative
5$"ab"
/=> "ab   "
-5$"ab"
/=> "   ab"
2$("abc";"de")
/=> "ab"
/=> "de"
