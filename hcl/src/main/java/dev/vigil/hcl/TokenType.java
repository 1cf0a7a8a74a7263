package dev.vigil.hcl;

enum TokenType {
    IDENT("identifier"), NUMBER("number"), OQUOTE("'\"'"), HEREDOC("heredoc"), NEWLINE("newline"), EOF("end of file"),
    LBRACE("'{'"), RBRACE("'}'"), LBRACK("'['"), RBRACK("']'"), LPAREN("'('"), RPAREN("')'"),
    COMMA("','"), DOT("'.'"), ELLIPSIS("'...'"), COLON("':'"), DOUBLE_COLON("'::'"), QUESTION("'?'"), ASSIGN("'='"),
    FAT_ARROW("'=>'"), PLUS("'+'"), MINUS("'-'"), STAR("'*'"), SLASH("'/'"), PERCENT("'%'"), BANG("'!'"),
    AND("'&&'"), OR("'||'"), EQ("'=='"), NE("'!='"), LT("'<'"), LE("'<='"), GT("'>'"), GE("'>='"), TILDE("'~'");

    final String display;

    TokenType(String display) {
        this.display = display;
    }
}
