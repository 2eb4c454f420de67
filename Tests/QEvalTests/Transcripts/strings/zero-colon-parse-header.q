/ an enlisted delimiter takes column names from the first line, giving a table
("SJ";enlist ",") 0: ("name,age";"bob,42")
/=> name age
/=> --------
/=> bob  42
