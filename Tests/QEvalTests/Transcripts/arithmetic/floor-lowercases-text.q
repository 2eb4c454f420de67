/ floor of chars and symbols lower-cases them
floor "QlItE"
/=> "qlite"
floor `ABC`d
/=> `abc`d
