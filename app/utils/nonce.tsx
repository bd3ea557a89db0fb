import { createContext, useContext } from "react";

// The server passes this request's CSP nonce down; in the browser it is empty (browsers hide it).
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
