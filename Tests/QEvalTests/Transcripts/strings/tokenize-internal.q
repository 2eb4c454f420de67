/ -4! splits q source into tokens, keeping the blanks
-4!"a+ bc"
/=> ,"a"
/=> ,"+"
/=> ," "
/=> "bc"
