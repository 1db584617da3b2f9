// A file name is the member's own text: shortened, and never able to close the quotes around it in any language.
export const fileName = (name: string) => (name.length > 40 ? `${name.slice(0, 37)}...` : name).replace(/["“”„«»「」『』]/g, "'");
