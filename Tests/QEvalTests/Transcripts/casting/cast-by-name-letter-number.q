/ a cast target may be a type name, a type letter or a positive short
(`short;"h";5h)$7
/=> 7 7 7h
