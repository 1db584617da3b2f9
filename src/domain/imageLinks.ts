/**
 * Whether image links a generation was made with still answer: Discord's attachment links expire
 * after about a day, and the video API can only fetch a link that answers.
 */
export interface ImageLinks {
  allAnswer(urls: readonly string[]): Promise<boolean>;
}
